/// The rollback chooser's list: the builds an environment can go back to, the one it runs now, and the cursor.
struct RollbackChoicesState: Equatable, Sendable {
    var loading = false
    var current: RollbackChoice?
    var choices: [RollbackChoice] = []
    var error: String?
    var cursor = 0
}
