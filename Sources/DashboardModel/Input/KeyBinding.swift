/// One entry of the key table: the keys, the command, its help text, and whether it changes AWS.
package struct KeyBinding: Equatable, Sendable {
    package var command: Command
    package var keys: [Key]
    package var help: String
    /// Changes AWS; hidden in read-only mode and confirmed before it runs.
    package var dangerous = false
    /// Shown in the footer (the help screen lists everything).
    package var inFooter = true
}
