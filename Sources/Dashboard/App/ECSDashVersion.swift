/// The version `ecsdash --version` prints.
enum ECSDashVersion {
    static let current = "0.1.0"
}
