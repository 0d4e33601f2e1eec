/// What a harness helper expected and did not find.
package struct Missing: Error, CustomStringConvertible {
    package let what: String
    package var description: String { "expected \(what)" }
}
