import DashboardModel

/// xterm's 256-colour palette as RGB, and nearest-colour searches over it by squared RGB distance.
package enum XtermPalette {
    /// An RGB triple, each channel 0–255.
    package typealias RGB = (red: Int, green: Int, blue: Int)

    /// xterm's defaults for the 16 basic colours. Terminals let users retune these, which is why hex
    /// colours are matched against the cube and greys only when 256 colours are available.
    package static let basic: [RGB] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The six channel levels of the 6×6×6 cube (indices 16–231).
    package static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value xterm shows for a palette index (clamped to 0–255).
    package static func rgb(ofIndex index: Int) -> RGB {
        let index = min(max(index, 0), 255)
        switch index {
        case 0..<16:
            return basic[index]
        case 16..<232:
            let cube = index - 16
            return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        default:
            let level = 8 + 10 * (index - 232)
            return (level, level, level)
        }
    }

    /// The nearest of indices 16–255 (the cube and the 24 greys); ties go to the lower index.
    package static func nearest256(_ color: RGB) -> Int {
        nearest(color, among: 16..<256)
    }

    /// The nearest of the 16 basic colours.
    package static func nearest16(_ color: RGB) -> Int {
        nearest(color, among: isGrey(color) ? [0, 7, 8, 15] : Array(0..<16))
    }

    /// The nearest of the 8 basic colours (the non-bright ones).
    package static func nearest8(_ color: RGB) -> Int {
        nearest(color, among: isGrey(color) ? [0, 7] : Array(0..<8))
    }

    /// Greys only match the black, grey and white entries: by distance alone a mid grey (128) lands on
    /// xterm's yellow (205,205,0), which is nearer than its white (229).
    package static func isGrey(_ color: RGB) -> Bool {
        let channels = [color.red, color.green, color.blue]
        return (channels.max() ?? 0) - (channels.min() ?? 0) <= 8
    }

    package static func nearest(_ color: RGB, among indices: some Sequence<Int>) -> Int {
        var best = -1
        var bestDistance = Int.max
        for index in indices {
            let distance = squaredDistance(color, rgb(ofIndex: index))
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    package static func squaredDistance(_ a: RGB, _ b: RGB) -> Int {
        let red = a.red - b.red, green = a.green - b.green, blue = a.blue - b.blue
        return red * red + green * green + blue * blue
    }
}
