import DashboardEngine
import DashboardModel

/// One line of `ecsdash doctor`: what was tried against which target, and how it went.
package struct DoctorCheck: Equatable, Sendable {
    package enum Outcome: Equatable, Sendable {
        case passed
        case warning
        case failed
    }

    package let target: String
    package let name: String
    package let outcome: Outcome
    package let detail: String
}
