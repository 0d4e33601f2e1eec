/// The one call the `ecsdash` executable makes; keeps `main.swift` free of logic.
public enum ECSDashEntryPoint {
    public static func run() async {
        await ECSDash.main()
    }
}
