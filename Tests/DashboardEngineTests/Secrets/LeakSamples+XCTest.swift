import TestSupport
import XCTest

extension LeakSamples {
    func assertNoLeak(in text: String, _ context: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        if let report = leakReport(in: text, context: context()) { XCTFail(report, file: file, line: line) }
    }
}
