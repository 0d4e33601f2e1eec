/// One entry of the key table: the keys, the command, its help text, and whether it changes AWS.
struct KeyBinding: Equatable, Sendable {
    var command: Command
    var keys: [Key]
    var help: String
    /// Changes AWS; hidden in read-only mode and confirmed before it runs.
    var dangerous = false
    /// Shown in the footer (the help screen lists everything).
    var inFooter = true
}
