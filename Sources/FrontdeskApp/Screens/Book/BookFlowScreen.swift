import Foundation
import FrontdeskCore
import TerminalUI

/// The booking flow as a screen: it opens on top of any screen and, when it ends, closes itself
/// and tells the screen below what was booked.
extension BookFlow: Screen {
    public var title: String { "Book" }

    public var keyFocus: KeyFocus {
        if leaving != nil { return .dialog }
        switch step {
        case .provider, .flexibleMode, .rebookPreview, .confirm: return .dialog
        case .immediatePreview: return immediate.editing != nil ? .text : .dialog
        case .flexibleProposal: return flexible.editing != nil ? .text : .dialog
        default: return .text
        }
    }

    public var legend: Keymap<String> { keymap.erased }

    public mutating func start(_ context: inout ScreenContext) -> [BookEffect] {
        now = context.now
        return start()
    }

    public mutating func handle(_ key: Key, _ context: inout ScreenContext) -> [BookEffect] {
        now = context.now
        let effects = handle(key)
        closeWhenDone(&context)
        return effects
    }

    public mutating func receive(_ answer: BookEvent, _ context: inout ScreenContext) -> [BookEffect] {
        now = context.now
        let effects = receive(answer)
        closeWhenDone(&context)
        return effects
    }

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        render(into: &buffer, area: area, theme: context.theme)
    }

    private func closeWhenDone(_ context: inout ScreenContext) {
        switch outcome {
        case nil: return
        case .abandoned?: context.close(.abandoned)
        case let .booked(groupID, bookingIDs, message)?:
            context.close(.booked(groupID: groupID, bookingIDs: bookingIDs, message: message))
            context.dataChanged()
        }
    }
}
