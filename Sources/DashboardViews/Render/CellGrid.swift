import DashboardModel

/// An in-memory canvas of cells: what tests and benchmarks render into and compare as text.
package struct CellGrid: Canvas, Equatable {
    package struct Cell: Equatable {
        package var character: Character = " "
        package var style: TextStyle = .text
        /// The right half of a wide character: printed as nothing.
        package var isContinuation = false
    }

    package let width: Int
    package let height: Int
    package private(set) var cells: [Cell]

    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
        cells = Array(repeating: Cell(), count: width * height)
    }

    package mutating func clear() {
        for index in cells.indices { cells[index] = Cell() }
    }

    package mutating func put(_ text: String, row: Int, column: Int, style: TextStyle) {
        guard row >= 0, row < height else { return }
        var x = column
        for character in text {
            let columns = character.unicodeScalars.reduce(0) { $0 + TextWidth.of($1) }
            guard columns > 0 else { continue }
            if x + columns > width { break }
            if x >= 0 {
                cells[row * width + x] = Cell(character: character, style: style)
                if columns == 2 { cells[row * width + x + 1] = Cell(character: " ", style: style, isContinuation: true) }
            }
            x += columns
        }
    }

    package func cell(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// One row as text, trailing spaces removed.
    package func line(_ row: Int) -> String {
        var text = ""
        for column in 0..<width {
            let cell = cells[row * width + column]
            if !cell.isContinuation { text.append(cell.character) }
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The whole grid as text, one line per row.
    package var text: String {
        (0..<height).map(line).joined(separator: "\n")
    }

    /// Where `needle` first appears, as (row, column of its first character), for style assertions.
    package func find(_ needle: String) -> (row: Int, column: Int)? {
        for row in 0..<height {
            let text = line(row)
            if let range = text.range(of: needle) {
                return (row, TextWidth.of(String(text[..<range.lowerBound])))
            }
        }
        return nil
    }
}
