/// One line of `ecsdash doctor`: what was tried against which target, and how it went.
struct DoctorCheck: Equatable, Sendable {
    enum Outcome: Equatable, Sendable {
        case passed
        case warning
        case failed
    }

    let target: String
    let name: String
    let outcome: Outcome
    let detail: String
}
