import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct CSVExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "csv", abstract: "placeholder")
    func run() throws {}
}
