@testable import DashboardEngine
@testable import DashboardModel
import Foundation
import XCTest

final class ConfirmationBrokerTests: XCTestCase {
    private func questions(_ inbox: EventInbox) -> [PendingConfirmation] {
        inbox.drain().compactMap { if case .confirmationRequested(let question) = $0 { question } else { nil } }
    }

    private func nextQuestion(_ inbox: EventInbox) async -> PendingConfirmation? {
        for _ in 0..<2000 {
            if let question = questions(inbox).first { return question }
            try? await Task.sleep(nanoseconds: 1_000_000)
        }
        return nil
    }

    func testAQuestionGoesOutAsAnEventAndItsAnswerComesBack() async throws {
        let inbox = EventInbox()
        let broker = ConfirmationBroker(post: { inbox.post($0) })
        let answer = Task { await broker.ask("Continue? [y/N] \n") }
        let asked = await nextQuestion(inbox)
        let question = try XCTUnwrap(asked)
        XCTAssertEqual(question.prompt, "Continue? [y/N] ", "a trailing newline would push the prompt off its line")
        broker.answer(question.id, "y")
        broker.answer(question.id, "n")
        let typed = await answer.value
        XCTAssertEqual(typed, "y", "a second answer to the same question is ignored")
    }

    func testStoppingAnswersNoToEveryQuestionAskedOrStillToCome() async throws {
        let inbox = EventInbox()
        let broker = ConfirmationBroker(post: { inbox.post($0) })
        let waiting = Task { await broker.ask("prod is protected. Type its name to continue: ") }
        let asked = await nextQuestion(inbox)
        XCTAssertNotNil(asked)
        broker.stop()
        let unanswered = await waiting.value
        XCTAssertNil(unanswered)
        let late = await broker.ask("Continue? [y/N] ")
        XCTAssertNil(late)
        XCTAssertTrue(questions(inbox).isEmpty, "nothing is asked once the runtime has stopped")
    }
}
