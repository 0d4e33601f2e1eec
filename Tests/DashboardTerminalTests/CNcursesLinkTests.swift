import CNcurses
import Foundation
import XCTest

/// Proves the CNcurses system library links against ncursesw and exposes the wide-character API.
final class CNcursesLinkTests: XCTestCase {
    func testWideCharacterWidthsComeFromTheShim() {
        _ = setlocale(LC_ALL, "C.UTF-8")
        XCTAssertEqual(ecs_wcwidth(wchar_t(UnicodeScalar("a").value)), 1)
        XCTAssertEqual(ecs_wcwidth(wchar_t(0x6F22)), 2, "CJK ideographs take two columns")
        XCTAssertEqual(ecs_wcwidth(wchar_t(0x0301)), 0, "combining marks take none")
    }

    func testWideCharacterCursesRunsOnAPseudoScreen() throws {
        // newterm on /dev/null streams gives a real curses screen without a terminal.
        guard let output = fopen("/dev/null", "w"), let input = fopen("/dev/null", "r") else {
            throw XCTSkip("/dev/null is not available")
        }
        defer { fclose(output); fclose(input) }
        guard let screen = newterm("xterm-256color", output, input) else {
            throw XCTSkip("terminfo for xterm-256color is missing")
        }
        defer {
            endwin()
            delscreen(screen)
        }
        let window = try XCTUnwrap(ecs_stdscr())
        XCTAssertGreaterThan(ecs_getmaxx(window), 0)
        // mvwaddnwstr and mvwin_wch are wide-character entry points: they only exist with NCURSES_WIDECHAR.
        let text: [wchar_t] = Array("héllo 漢".unicodeScalars.map { wchar_t($0.value) }) + [0]
        XCTAssertNotEqual(text.withUnsafeBufferPointer { ecs_mvwaddnwstr(window, 0, 0, $0.baseAddress, -1) }, ecs_err())
        var cell = cchar_t()
        XCTAssertNotEqual(mvwin_wch(window, 0, 1, &cell), ecs_err())
        var characters = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        _ = getcchar(&cell, &characters, &attributes, &pair, nil)
        XCTAssertEqual(characters[0], wchar_t(UnicodeScalar("é").value))
        XCTAssertNotEqual(ecs_a_bold(), 0)
    }
}
