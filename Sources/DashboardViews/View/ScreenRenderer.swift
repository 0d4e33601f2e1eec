import DashboardModel
import Foundation

/// Draws the whole screen for a state: header, the pane in front, the message or input line, the footer.
package struct ScreenRenderer {
    package var symbols: Symbols = .unicode

    package init(symbols: Symbols = .unicode) {
        self.symbols = symbols
    }

    package func render(_ state: AppState, into canvas: inout some Canvas) {
        canvas.clear()
        let layout = Layout(width: canvas.width, height: canvas.height)
        guard !layout.isTooSmall else {
            drawTooSmall(layout, into: &canvas)
            return
        }
        HeaderView(symbols: symbols).draw(state, layout: layout, into: &canvas)
        canvas.put(" \(state.pane.title)", row: layout.titleRow, column: 0, width: canvas.width, style: TextStyle(role: .header, reverse: true))
        switch state.pane {
        case .matrix: MatrixView(symbols: symbols).draw(state, layout: layout, into: &canvas)
        case .service(let environment, let service): ServiceView(symbols: symbols).draw(state, environment: environment, service: service, layout: layout, into: &canvas)
        case .logs: LogsView().draw(state, layout: layout, into: &canvas)
        case .describe: DescribeView().draw(state, layout: layout, into: &canvas)
        case .taskDefinition(let target): TaskDefinitionView().draw(state, target: target, layout: layout, into: &canvas)
        case .help: HelpView(symbols: symbols).draw(state, layout: layout, into: &canvas)
        case .actions: ActionsView().draw(state, layout: layout, into: &canvas)
        case .rollbackChoices: RollbackChoicesView().draw(state, layout: layout, into: &canvas)
        }
        FooterView().draw(state, layout: layout, into: &canvas)
    }

    private func drawTooSmall(_ layout: Layout, into canvas: inout some Canvas) {
        let lines = ["Terminal too small", "ecsdash needs at least \(Layout.minimumWidth)×\(Layout.minimumHeight);", "this one is \(layout.width)×\(layout.height).", "Enlarge it, or press q to quit."]
        for (index, line) in lines.enumerated() {
            let row = layout.height / 2 - 2 + index
            let column = max(0, (layout.width - TextWidth.of(line)) / 2)
            canvas.put(line, row: row, column: column, style: index == 0 ? .warn : .text)
        }
    }
}

/// The top line: where ecsdash points, READ-ONLY, and a badge per environment with its health and age.
package struct HeaderView {
    package var symbols: Symbols

    package func draw(_ state: AppState, layout: Layout, into canvas: inout some Canvas) {
        let badges = environmentBadges(state)
        let badgeWidth = badges.reduce(0) { $0 + TextWidth.of($1.0) }
        var column = 0
        func put(_ text: String, _ style: TextStyle) {
            canvas.put(text, row: layout.headerRow, column: column, style: style)
            column += TextWidth.of(text)
        }
        // The environment badges are what on-call reads: the config label, then the running action's words, give way
        // to them on a narrow terminal.
        let logo = " ecsdash "
        let label = " \(state.configLabel) · \(state.region) "
        let readOnly = state.readOnly ? " READ-ONLY " : ""
        var action = ""
        if let running = state.runningActions.values.sorted().first {
            action = " \(symbols.spinner(frame: state.frame)) \(running)\(state.runningActions.count > 1 ? " +\(state.runningActions.count - 1)" : "") "
            if TextWidth.of(logo + readOnly + action) + badgeWidth > canvas.width {
                action = " \(symbols.spinner(frame: state.frame)) \(state.runningActions.count) running "
            }
        }
        put(logo, TextStyle(role: .header, bold: true, reverse: true))
        if TextWidth.of(logo + label + readOnly + action) + badgeWidth <= canvas.width { put(label, .muted) }
        if state.readOnly { put(readOnly, TextStyle(role: .warn, bold: true, reverse: true)) }
        if !action.isEmpty { put(action, .inProgress) }
        for (text, style) in badges { put(text, style) }
    }

    /// Each environment's badge (health dot, name, age, problems, warnings), then the registry's, as text and style.
    private func environmentBadges(_ state: AppState) -> [(String, TextStyle)] {
        var parts: [(String, TextStyle)] = []
        func put(_ text: String, _ style: TextStyle) { parts.append((text, style)) }
        for name in state.environments {
            guard let environment = state.fleet.state(name) else { continue }
            put(" ", .text)
            let dotStyle: TextStyle
            if environment.error != nil {
                dotStyle = .error
            } else if environment.snapshot?.services.contains(where: { $0.rolloutPhase == .failed || $0.unhealthyTaskCount > 0 }) == true
                        || state.fleet.problems.servicesWithProblems(in: name, now: state.now) > 0 {
                dotStyle = .warn
            } else if environment.snapshot == nil {
                dotStyle = .muted
            } else {
                dotStyle = .ok
            }
            put(environment.polling ? symbols.spinner(frame: state.frame) : symbols.dot, dotStyle)
            put(name == "prod" || state.protectedEnvironments.contains(name) ? " \(name.uppercased())" : " \(name)", .accent(name))
            if let age = environment.age(now: state.now) { put(" \(Age.format(age))", .muted) }
            let troubled = state.fleet.problems.servicesWithProblems(in: name, now: state.now)
            if troubled > 0 { put(" \(symbols.warning)\(troubled)", .warn) }
            if environment.isThrottled {
                put(" throttled", .warn)
            } else if environment.error != nil {
                put(" \(symbols.warning) \(environment.error!.code)", .error)
            } else if environment.isStale(now: state.now, refresh: state.refresh) {
                put(" stale", .warn)
            } else if let partial = environment.snapshot?.errors.first {
                // Part of the poll failed (a task definition, target health): what it would have shown is missing.
                put(" \(symbols.warning) \(partial.code)", .warn)
            }
            if state.expiringCredentials.contains(name) { put(" keys expiring", .warn) }
            if state.readOnlyEnvironments.contains(name) { put(" RO", .muted) }
        }
        if let registry = state.fleet.registry, let error = registry.errors.first {
            put(" registry \(symbols.warning) \(error.code)", .error)
        }
        return parts
    }
}

/// Services × environments, two lines a service, the cursor on one cell.
package struct MatrixView {
    package var symbols: Symbols

    package func draw(_ state: AppState, layout: Layout, into canvas: inout some Canvas) {
        let services = state.shownServices
        let environments = state.shownEnvironments
        let columns = layout.matrixColumns(serviceNames: services, environments: environments.count)
        let headerRow = layout.bodyTop
        canvas.put("SERVICE", row: headerRow, column: 1, width: columns.name - 1, style: .header)
        for (index, name) in environments.enumerated() {
            var title = name == "prod" || state.protectedEnvironments.contains(name) ? name.uppercased() : name
            if let environment = state.fleet.state(name), environment.error != nil || environment.isStale(now: state.now, refresh: state.refresh) {
                title += environment.snapshot == nil ? " (unavailable)" : " (stale)"
            }
            canvas.put(title, row: headerRow, column: columns.name + index * columns.cell, width: columns.cell - 1, style: .accent(name))
        }
        let rowsVisible = max(1, (layout.bodyHeight - 1) / 2)
        let start = max(0, state.row - rowsVisible + 1)
        if services.isEmpty {
            let note = state.filter.isEmpty ? (state.fleet.environments.allSatisfy { $0.snapshot == nil } ? "waiting for the first poll…" : "no services") : "no service matches “\(state.filter)”"
            canvas.put(note, row: headerRow + 2, column: 2, style: .muted)
            return
        }
        for (offset, service) in services[start...].prefix(rowsVisible).enumerated() {
            let rowIndex = start + offset
            let top = headerRow + 1 + offset * 2
            let selectedRow = rowIndex == state.row
            canvas.put((selectedRow ? symbols.cursor : " ") + service, row: top, column: 0, width: columns.name, style: selectedRow ? TextStyle(role: .text, bold: true) : .text)
            for (index, environment) in environments.enumerated() {
                let cell = MatrixCell.build(service: service, environment: environment, fleet: state.fleet, symbols: symbols, frame: state.frame,
                                            now: state.now, refresh: state.refresh)
                let x = columns.name + index * columns.cell
                let selected = selectedRow && index == state.column
                var imageStyle = cell.imageStyle
                var healthStyle = cell.healthStyle
                if selected {
                    imageStyle.reverse = true
                    healthStyle.reverse = true
                }
                canvas.put(cell.image, row: top, column: x, width: columns.cell - 1, style: imageStyle)
                canvas.put(cell.health, row: top + 1, column: x, width: columns.cell - 1, style: healthStyle)
            }
        }
    }
}
