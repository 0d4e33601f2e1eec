import AWSClient
import DashboardModel

extension ConfigError {
    /// A file that could not be read as text, at the line of its first byte that is not UTF-8 when that is why.
    package init(reading error: UserFileError, file: String? = nil, what: String) {
        self.init(file: file ?? error.path, line: error.line, column: nil, key: "", message: "cannot read \(what): \(error.reason)")
    }
}
