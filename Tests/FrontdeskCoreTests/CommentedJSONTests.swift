import Foundation
import Testing
@testable import FrontdeskCore

@Suite("Commented JSON")
struct CommentedJSONTests {
    @Test func stripsLineAndBlockCommentsButNotInsideStrings() {
        let text = """
        {
          "a": 1, // one
          /* two
             lines */ "b": "http://x/*y*/"
        }
        """
        let stripped = CommentedJSON.stripComments(text)
        #expect(!stripped.contains("one"))
        #expect(!stripped.contains("lines"))
        #expect(stripped.contains("\"http://x/*y*/\""))
        // Line breaks are kept so later error lines still match.
        #expect(stripped.split(separator: "\n", omittingEmptySubsequences: false).count == 5)
    }

    @Test func stripKeepsEscapedQuotesInStrings() {
        let text = #"{"a": "say \"hi\" // not a comment"} // comment"#
        #expect(CommentedJSON.stripComments(text) == #"{"a": "say \"hi\" // not a comment"}"#)
    }

    @Test func parsesObjectsArraysAndScalarsWithTheirKinds() throws {
        let value = try CommentedJSON.parse("""
        {
          // a service as it might be imported
          "name": "Dental Implant", "total": 3, "price": 1200.5,
          "on": true, "off": false, "none": null,
          "trigger_words": ["implant", "tooth implant"], /* inline */ "nested": {"x": [1, {"y": -2}]}
        }
        """)
        let object = try #require(value as? [String: Any])
        #expect(object["name"] as? String == "Dental Implant")
        #expect(JSONValueKind(object["total"]!) == .integer(3))
        #expect(JSONValueKind(object["price"]!) == .fraction(1200.5))
        #expect(JSONValueKind(object["on"]!) == .bool(true))
        #expect(JSONValueKind(object["off"]!) == .bool(false))
        #expect(object["none"] is NSNull)
        #expect(object["trigger_words"] as? [String] == ["implant", "tooth implant"])
        let nested = try #require(object["nested"] as? [String: Any])
        let x = try #require(nested["x"] as? [Any])
        #expect(JSONValueKind(x[0]) == .integer(1))
        #expect(JSONValueKind((x[1] as? [String: Any])?["y"] as Any) == .integer(-2))
    }

    @Test func topLevelArrayAndStringEscapes() throws {
        let value = try CommentedJSON.parse(#"["a\"b", "\u00fc\n", "\ud83d\ude00", 1e2, 0, -0.5]"#)
        let array = try #require(value as? [Any])
        #expect(array[0] as? String == "a\"b")
        #expect(array[1] as? String == "ü\n")
        #expect(array[2] as? String == "😀")
        #expect(JSONValueKind(array[3]) == .fraction(100))
        #expect(JSONValueKind(array[4]) == .integer(0))
        #expect(JSONValueKind(array[5]) == .fraction(-0.5))
    }

    @Test func trailingCommasAreTolerated() throws {
        let value = try CommentedJSON.parse("{\"a\": [1, 2,],\n \"b\": 3,\n}")
        let object = try #require(value as? [String: Any])
        #expect((object["a"] as? [Any])?.count == 2)
    }

    @Test func missingCommaNamesTheLine() {
        #expect(throws: CommentedJSONError.unexpectedCharacter(
            found: "\"b\"", expected: "a comma (,) or }", line: 3, column: 3)) {
            try CommentedJSON.parse("{\n  \"a\": 1\n  \"b\": 2\n}")
        }
        let error = CommentedJSONError.unexpectedCharacter(found: "\"b\"", expected: "a comma (,) or }",
                                                           line: 3, column: 3)
        #expect(error.description.contains("Line 3"))
        #expect(error.line == 3)
    }

    @Test func syntaxErrorsNameTheirLine() {
        func line(_ text: String) -> Int? {
            do { _ = try CommentedJSON.parse(text); return nil } catch { return error.line }
        }
        #expect(line("{\n\"a\": 1,\n\"b\": }") == 3)
        #expect(line("{\n\"a\": \"open\n}") == 2)
        #expect(line("{\n/* never closed\n\"a\": 1}") == 2)
        #expect(line("{\n\n\"a\": 07}") == 3)
        #expect(line("{\"a\": 1}\n\n{}") == 3)
        #expect(line("{\n'a': 1}") == 2)
        #expect(line("{\n\"a\": 1") == 2)
        #expect(line("{\"a\": \"\\x\"}") == 1)
        #expect(line("{\"a\": tru}") == 1)
    }

    @Test func specificSyntaxErrors() {
        #expect(throws: CommentedJSONError.empty) { try CommentedJSON.parse("  // only a comment\n") }
        #expect(throws: CommentedJSONError.duplicateKey("a", line: 2)) { try CommentedJSON.parse("{\"a\": 1,\n\"a\": 2}") }
        #expect(throws: CommentedJSONError.invalidNumber("1.", line: 1)) { try CommentedJSON.parse("[1.]") }
        #expect(throws: CommentedJSONError.unterminatedComment(line: 1)) { try CommentedJSON.parse("{} /* x") }
        #expect(throws: CommentedJSONError.unexpectedEnd(expected: "a comma or }", line: 1)) {
            try CommentedJSON.parse("{\"a\": 1")
        }
    }

    @Test func deepNestingIsRefusedNotCrashed() throws {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(throws: CommentedJSONError.tooDeep(line: 1)) { try CommentedJSON.parse(deep) }
        let fine = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
        #expect((try? CommentedJSON.parse(fine)) != nil)
    }

    @Test func singleQuotesGetAHint() {
        do {
            _ = try CommentedJSON.parse("{'a': 1}")
            Issue.record("single quotes were accepted")
        } catch {
            #expect(error.description.contains("double quotes"))
        }
    }

    @Test func canonicalStringSortsKeysAndIsCompact() throws {
        let value = try CommentedJSON.parse("{\"b\": [true, null, 2.0, 2.5], \"a\": \"x\\\"y\"}")
        #expect(CommentedJSON.canonicalString(value) == #"{"a":"x\"y","b":[true,null,2,2.5]}"#)
    }

    @Test func classifiesFoundationNumbersWithoutConfusingOneAndTrue() throws {
        let data = Data(#"{"t": true, "one": 1, "two": 2.0}"#.utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(JSONValueKind(object["t"]!) == .bool(true))
        #expect(JSONValueKind(object["one"]!) == .integer(1))
        #expect(JSONValueKind(object["two"]!) == .fraction(2))
    }
}
