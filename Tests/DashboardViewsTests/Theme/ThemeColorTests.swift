@testable import DashboardModel
@testable import DashboardViews
import XCTest

final class ThemeColorTests: XCTestCase {
    func testParsesNamesIndicesAndHex() {
        XCTAssertEqual(ThemeColor(parsing: "default"), .terminalDefault)
        XCTAssertEqual(ThemeColor(parsing: "black"), .indexed(0))
        XCTAssertEqual(ThemeColor(parsing: "white"), .indexed(7))
        XCTAssertEqual(ThemeColor(parsing: "bright-black"), .indexed(8))
        XCTAssertEqual(ThemeColor(parsing: "Bright-White"), .indexed(15))
        XCTAssertEqual(ThemeColor(parsing: "0"), .indexed(0))
        XCTAssertEqual(ThemeColor(parsing: "255"), .indexed(255))
        XCTAssertEqual(ThemeColor(parsing: "#FFaf00"), .rgb(red: 255, green: 175, blue: 0))
    }

    func testRejectsWhatIsNotAColour() {
        for text in ["orang", "256", "-1", "#fff", "#gggggg", "ffaf00", "", "bright-", "#ff00001"] {
            XCTAssertNil(ThemeColor(parsing: text), text)
        }
    }

    func testHexGoesToTheNearestCubeOrGreyWith256Colours() {
        XCTAssertEqual(ThemeColor.rgb(red: 0xFF, green: 0, blue: 0).cursesNumber(colors: 256), 196)
        XCTAssertEqual(ThemeColor.rgb(red: 0x80, green: 0x80, blue: 0x80).cursesNumber(colors: 256), 244)  // grey 128 exactly
        XCTAssertEqual(ThemeColor.rgb(red: 0x7F, green: 0x7F, blue: 0x7F).cursesNumber(colors: 256), 244)  // grey 128 beats cube 135
        XCTAssertEqual(ThemeColor.rgb(red: 0xFF, green: 0xAF, blue: 0x00).cursesNumber(colors: 256), 214)
        XCTAssertEqual(ThemeColor.rgb(red: 0x00, green: 0x00, blue: 0x00).cursesNumber(colors: 256), 16)  // never the retunable 0–15
        XCTAssertEqual(ThemeColor.rgb(red: 0xFF, green: 0xFF, blue: 0xFF).cursesNumber(colors: 256), 231)
        XCTAssertEqual(ThemeColor.rgb(red: 0x0A, green: 0x0A, blue: 0x0A).cursesNumber(colors: 256), 232)
        // (18,52,86): cube (0,95,95) is 2254 away, the nearest grey (48) 2360.
        XCTAssertEqual(ThemeColor.rgb(red: 0x12, green: 0x34, blue: 0x56).cursesNumber(colors: 256), 23)
    }

    func testPaletteValues() {
        XCTAssertTrue(XtermPalette.rgb(ofIndex: 196) == (255, 0, 0))
        XCTAssertTrue(XtermPalette.rgb(ofIndex: 24) == (0, 95, 135))
        XCTAssertTrue(XtermPalette.rgb(ofIndex: 232) == (8, 8, 8))
        XCTAssertTrue(XtermPalette.rgb(ofIndex: 255) == (238, 238, 238))
    }

    func testIndicesKeptWith256Colours() {
        for index in [0, 9, 15, 16, 24, 200, 255] {
            XCTAssertEqual(ThemeColor.indexed(index).cursesNumber(colors: 256), index)
        }
    }

    func testSixteenColoursKeepTheBasicOnesAndMapTheRest() {
        for index in 0..<16 {
            XCTAssertEqual(ThemeColor.indexed(index).cursesNumber(colors: 16), index)
        }
        XCTAssertEqual(ThemeColor.indexed(196).cursesNumber(colors: 16), 9)   // (255,0,0) is bright red exactly
        XCTAssertEqual(ThemeColor.indexed(244).cursesNumber(colors: 16), 8)   // grey 128 → bright black (127)
        XCTAssertEqual(ThemeColor.indexed(21).cursesNumber(colors: 16), 4)    // (0,0,255) → blue (0,0,238)
        XCTAssertEqual(ThemeColor.indexed(231).cursesNumber(colors: 16), 15)
        XCTAssertEqual(ThemeColor.indexed(250).cursesNumber(colors: 16), 7)   // grey 188 → white (229), not bright yellow
        XCTAssertEqual(ThemeColor.rgb(red: 0xFF, green: 0, blue: 0).cursesNumber(colors: 16), 9)
        XCTAssertEqual(ThemeColor.indexed(196).cursesNumber(colors: 88), 9)   // anything short of 256 is treated as 16
    }

    func testEightColoursFoldBrightToBaseAndMapTheRest() {
        for index in 0..<8 {
            XCTAssertEqual(ThemeColor.indexed(index).cursesNumber(colors: 8), index)
            XCTAssertEqual(ThemeColor.indexed(index + 8).cursesNumber(colors: 8), index)
        }
        XCTAssertEqual(ThemeColor.indexed(196).cursesNumber(colors: 8), 1)
        XCTAssertEqual(ThemeColor.indexed(244).cursesNumber(colors: 8), 7)   // grey 128: white (229), not the nearer yellow (205,205,0)
        XCTAssertEqual(ThemeColor.rgb(red: 0x80, green: 0x80, blue: 0x84).cursesNumber(colors: 8), 7)
        XCTAssertEqual(ThemeColor.indexed(236).cursesNumber(colors: 8), 0)   // grey 48
        XCTAssertEqual(ThemeColor.indexed(24).cursesNumber(colors: 8), 6)    // (0,95,135) → cyan (0,205,205)
        XCTAssertEqual(ThemeColor.rgb(red: 0xFF, green: 0xAF, blue: 0x00).cursesNumber(colors: 8), 3)
    }

    func testTerminalDefaultAndColourlessTerminals() {
        XCTAssertEqual(ThemeColor.terminalDefault.cursesNumber(colors: 256), -1)
        XCTAssertEqual(ThemeColor.indexed(1).cursesNumber(colors: 2), -1)
        XCTAssertEqual(ThemeColor.rgb(red: 1, green: 2, blue: 3).cursesNumber(colors: 0), -1)
    }

    func testWrittenFormRoundTrips() {
        for color in [ThemeColor.terminalDefault, .indexed(3), .indexed(12), .indexed(200), .rgb(red: 0, green: 0x0A, blue: 0xFF)] {
            XCTAssertEqual(ThemeColor(parsing: color.text), color, color.text)
        }
        XCTAssertEqual(ThemeColor.rgb(red: 0, green: 0x0A, blue: 0xFF).text, "#000aff")
    }
}
