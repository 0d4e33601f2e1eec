/// The rollback chooser's list: the builds an environment can go back to, the one it runs now, and the cursor.
package struct RollbackChoicesState: Equatable, Sendable {
    package var loading = false
    package var current: RollbackChoice?
    package var choices: [RollbackChoice] = []
    package var error: String?
    package var cursor = 0
}
