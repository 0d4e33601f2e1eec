/// What the UI loop hands the reducer's effects to and starts and stops with itself: the runtime in the app, a
/// recorder in tests. Keeps the terminal free of AWS and polling.
package protocol EffectRunner: AnyObject, Sendable {
    /// Where results come back as events.
    var inbox: EventInbox { get }
    func start()
    func stop()
    func execute(_ effect: Effect, state: AppState)
}
