import DashboardEngine
import DashboardModel

/// The version `ecsdash --version` prints.
package enum ECSDashVersion {
    package static let current = "0.1.0"
}
