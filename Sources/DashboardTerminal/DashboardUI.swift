import CNcurses
import DashboardModel
import DashboardViews
import Foundation

/// The UI loop on its own thread (curses has one owner): read a key or time out, fold events into the
/// state, run effects, redraw only when the state changed, and restore the terminal on every way out.
package final class DashboardUI: @unchecked Sendable {
    private var state: AppState
    private let runtime: any EffectRunner
    private let inbox: EventInbox
    private var theme: Theme
    private let loadTheme: @Sendable (String) throws -> Theme
    private let stopRequested = StopFlag()

    package init(state: AppState, runtime: any EffectRunner, theme: Theme, loadTheme: @escaping @Sendable (String) throws -> Theme) {
        self.state = state
        self.runtime = runtime
        inbox = runtime.inbox
        self.theme = theme
        self.loadTheme = loadTheme
    }

    /// Runs until the user quits or SIGTERM/SIGHUP arrives; returns once the terminal is restored.
    package func run() async throws {
        let signals = SignalWatcher(signals: [SIGTERM, SIGHUP]) { [stopRequested] in stopRequested.set() }
        defer { signals.cancel() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            let thread = Thread { [self] in
                do {
                    try loop()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "ecsdash-ui"
            thread.start()
        }
    }

    private func loop() throws {
        let screen = try CursesScreen()
        defer { screen.end() }
        atexit { CursesScreen.active?.end() }
        var pairs = ColorPairs(theme: theme, colors: screen.colors)
        let renderer = ScreenRenderer(symbols: screen.unicode ? .unicode : .ascii)
        runtime.start()
        defer { runtime.stop() }
        var drawn: AppState?
        var drawnSize = (0, 0)
        var lastTick = Date.distantPast
        while !state.quitting && !stopRequested.isSet {
            for event in inbox.drain() { apply(event) }
            let now = Date()
            if now.timeIntervalSince(lastTick) >= 0.25 {
                lastTick = now
                apply(.tick(now))
            }
            if case .setTheme = pendingThemeChange {
                pairs = ColorPairs(theme: theme, colors: screen.colors)
                pendingThemeChange = nil
                drawn = nil
            }
            let size = (screen.width, screen.height)
            if size != drawnSize { apply(.screenResized(bodyRows: Layout(width: size.0, height: size.1).bodyHeight)) }
            if drawn != state || size != drawnSize {
                var canvas = CursesCanvas(screen: screen, pairs: pairs)
                renderer.render(state, into: &canvas)
                screen.present()
                drawn = state
                drawnSize = size
            }
            if let key = screen.readKey() {
                apply(.key(key))
                if key == .resize { drawn = nil }
            }
        }
    }

    private var pendingThemeChange: Effect?

    private func apply(_ event: AppEvent) {
        for effect in Reducer.reduce(&state, event) {
            switch effect {
            case .setTheme(let name):
                do {
                    theme = try loadTheme(name)
                    state.themeName = theme.name
                    state.message = StatusMessage(text: "theme \(theme.name)", isError: false)
                    pendingThemeChange = effect
                } catch {
                    state.message = StatusMessage(text: "\(error)", isError: true)
                }
            default:
                runtime.execute(effect, state: state)
            }
        }
    }
}

/// A flag set from a signal handler's queue and read by the UI loop.
package final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    package func set() { lock.withLock { value = true } }
    package var isSet: Bool { lock.withLock { value } }
}

/// Turns SIGTERM and SIGHUP into a clean stop instead of death with the terminal left in raw mode.
package final class SignalWatcher: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    package init(signals: [Int32], handler: @escaping @Sendable () -> Void) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            sources.append(source)
        }
    }

    package func cancel() {
        for source in sources { source.cancel() }
    }
}
