import DashboardModel

/// Where each part of the screen goes for a terminal size; below 80×24 the screen only says it is too small.
package struct Layout: Equatable {
    package static let minimumWidth = 80
    package static let minimumHeight = 24

    package let width: Int
    package let height: Int

    package var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    package var headerRow: Int { 0 }
    package var titleRow: Int { 1 }
    package var bodyTop: Int { 2 }
    /// Rows available to the pane's body.
    package var bodyHeight: Int { max(0, height - 4) }
    package var messageRow: Int { height - 2 }
    package var footerRow: Int { height - 1 }

    /// The matrix's first column (service names) and the width of each environment column.
    package func matrixColumns(serviceNames: [String], environments: Int) -> (name: Int, cell: Int) {
        let longest = serviceNames.map(TextWidth.of).max() ?? 8
        let name = min(max(longest + 2, 12), 28)
        let cell = environments > 0 ? max(10, (width - name) / environments) : width - name
        return (name, cell)
    }

    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
