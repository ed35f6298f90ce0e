import Testing
import TerminalUI

/// What the terminal sends, turned into keys: the sequences tmux and other terminals use whatever
/// TERM says, a lone Esc, and bracketed paste however its bytes arrive.
@Suite("Key sequence decoding")
struct KeySequenceDecoderTests {
    private func decode(_ text: String) -> [Key] {
        var decoder = KeySequenceDecoder()
        return decoder.feed(text: text)
    }

    @Test func homeAndEndArriveAsHomeAndEndInEveryCommonEncoding() {
        // tmux under TERM=xterm-256color sends ESC [1~ and ESC [4~, which terminfo does not list.
        for sequence in ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}OH", "\u{1B}[H", "\u{1B}[1;2H"] {
            #expect(decode(sequence) == [.home], "\(Array(sequence.unicodeScalars))")
        }
        for sequence in ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}OF", "\u{1B}[F"] {
            #expect(decode(sequence) == [.end], "\(Array(sequence.unicodeScalars))")
        }
    }

    @Test func editingAndPagingKeysInTheirVariants() {
        #expect(decode("\u{1B}[3~") == [.delete])
        #expect(decode("\u{1B}[2~") == [.insert])
        #expect(decode("\u{1B}[5~\u{1B}[6~") == [.pageUp, .pageDown])
        #expect(decode("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
        #expect(decode("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD") == [.up, .down, .right, .left])
        #expect(decode("\u{1B}[1;5A") == [.up])
        #expect(decode("\u{1B}[Z") == [.backTab])
        #expect(decode("\u{1B}OM") == [.enter])
    }

    @Test func functionKeysInTheirVariants() {
        #expect(decode("\u{1B}OP\u{1B}OQ\u{1B}OR\u{1B}OS") == [.function(1), .function(2), .function(3), .function(4)])
        #expect(decode("\u{1B}[11~\u{1B}[15~\u{1B}[17~\u{1B}[21~\u{1B}[24~") == [.function(1), .function(5), .function(6), .function(10), .function(12)])
        #expect(decode("\u{1B}[[A\u{1B}[[E") == [.function(1), .function(5)])
    }

    @Test func aLoneEscStaysEscOnceNothingFollows() {
        var decoder = KeySequenceDecoder()
        do { let got = decoder.feed(.scalar(27)); #expect(got.isEmpty) }
        #expect(decoder.waiting == .escapeSequence)
        do { let got = decoder.flush(); #expect(got == [.escape]) }
        #expect(decoder.waiting == .nothing)
        do { let got = decoder.feed(text: "j"); #expect(got == [.character("j")]) }
    }

    @Test func escThenALetterIsEscThenTheLetter() {
        #expect(decode("\u{1B}q") == [.escape, .character("q")])
        var decoder = KeySequenceDecoder()
        do { let got = decoder.feed(text: "\u{1B}\u{1B}"); #expect(got == [.escape]) }
        do { let got = decoder.flush(); #expect(got == [.escape]) }
    }

    @Test func escThenAKeyTheLibraryDecodedIsEscThenThatKey() {
        var decoder = KeySequenceDecoder()
        _ = decoder.feed(.scalar(27))
        do { let got = decoder.feed(.key(.down)); #expect(got == [.escape, .down]) }
    }

    @Test func unknownSequencesAreDroppedNotTypedAsLetters() {
        // Focus reports, an unused ~ code, a mouse-like CSI: nothing, and typing goes on normally.
        #expect(decode("\u{1B}[I\u{1B}[O\u{1B}[99~\u{1B}[<0;3;4M\u{1B}Oxq") == [.character("q")])
        // A stray paste end outside a paste does nothing either.
        #expect(decode("\u{1B}[201~") == [])
    }

    @Test func aBrokenSequenceIsForgottenAndTheNextKeyStillWorks() {
        // Enter in the middle of an unfinished sequence: the sequence goes, Enter stays.
        #expect(decode("\u{1B}[12\r") == [.enter])
        var decoder = KeySequenceDecoder()
        _ = decoder.feed(text: "\u{1B}[1")
        do { let got = decoder.flush(); #expect(got.isEmpty) }
        do { let got = decoder.feed(text: "~"); #expect(got == [.character("~")]) }
    }

    @Test func anOverlongSequenceIsDroppedWithoutGrowing() {
        let long = "\u{1B}[" + String(repeating: "1;", count: 10_000) + "A"
        #expect(decode(long + "x") == [.character("x")])
    }

    @Test func controlCharactersMapToTheirKeys() {
        #expect(decode("\r\n\t\u{7F}\u{08}\u{15}\u{00}") == [.enter, .enter, .tab, .backspace, .backspace, .control("u"), .control(" ")])
        #expect(decode("ü日") == [.character("ü"), .character("日")])
        #expect(decode("\u{1C}\u{85}") == [])
    }

    @Test func aBracketedPasteIsOneKeyWithItsTextUntouched() {
        // What tmux's paste-buffer -p sends for "Bring the X-ray⏎c⏎" (it turns line feeds into CR).
        let keys = decode("\u{1B}[200~Bring the X-ray\rc\r\u{1B}[201~")
        #expect(keys == [.paste("Bring the X-ray\rc\r")])
    }

    @Test func aPasteSplitAnywhereAcrossReadsIsStillOneKey() {
        let sent = "x\u{1B}[200~line one\nline two\u{1B}[201~y"
        let scalars = Array(sent.unicodeScalars)
        for split in 0...scalars.count {
            var decoder = KeySequenceDecoder()
            var keys: [Key] = []
            for scalar in scalars[..<split] { keys += decoder.feed(.scalar(scalar.value)) }
            // Between reads inside the paste (after "x ESC [200~", before the end marker is whole),
            // the decoder waits for more and nothing of the paste has come out.
            if split >= 7 && split < scalars.count - 1 {
                #expect(decoder.waiting == .paste, "split at \(split)")
                #expect(keys == [.character("x")], "split at \(split)")
            }
            for scalar in scalars[split...] { keys += decoder.feed(.scalar(scalar.value)) }
            #expect(keys == [.character("x"), .paste("line one\nline two"), .character("y")], "split at \(split)")
        }
    }

    @Test func escapeSequencesInsideAPasteAreText() {
        // An arrow, a near miss of the end marker, a start marker, and an Esc right before the end.
        let body = "a\u{1B}[Ab\u{1B}[20~c\u{1B}[2019\u{1B}[200~d\u{1B}"
        let keys = decode("\u{1B}[200~" + body + "\u{1B}[201~q")
        #expect(keys == [.paste(body), .character("q")])
    }

    @Test func keysTheLibraryDecodedInsideAPasteAreNotKeys() {
        var decoder = KeySequenceDecoder()
        _ = decoder.feed(text: "\u{1B}[200~a")
        do { let got = decoder.feed(.key(.up)); #expect(got.isEmpty) }
        do { let got = decoder.feed(.key(.enter)); #expect(got.isEmpty) }
        // A resize still reaches the screen during a long paste.
        do { let got = decoder.feed(.key(.resize)); #expect(got == [.resize]) }
        do { let got = decoder.feed(text: "b\u{1B}[201~"); #expect(got == [.paste("a\nb")]) }
    }

    @Test func aHugePasteArrivesWhole() {
        let text = String(repeating: "0123456789", count: 100_000)
        let keys = decode("\u{1B}[200~" + text + "\u{1B}[201~")
        #expect(keys.count == 1)
        guard case .paste(let pasted)? = keys.first else {
            Issue.record("no paste key: \(keys.prefix(3))")
            return
        }
        #expect(pasted.utf8.count == 1_000_000)
        #expect(pasted == text)
    }

    @Test func aPasteWhoseEndNeverCameIsDeliveredWhenTheTerminalFallsQuiet() {
        var decoder = KeySequenceDecoder()
        do { let got = decoder.feed(text: "\u{1B}[200~half\u{1B}[20"); #expect(got.isEmpty) }
        #expect(decoder.waiting == .paste)
        do { let got = decoder.flush(); #expect(got == [.paste("half\u{1B}[20")]) }
        do { let got = decoder.feed(text: "j"); #expect(got == [.character("j")]) }
    }

    @Test func anEmptyPasteIsNoKey() {
        #expect(decode("\u{1B}[200~\u{1B}[201~") == [])
    }

    @Test func rawBytesSplitAnywhereDecodeToTheSameTextAndKeys() {
        let sent = Array("\u{1B}[200~Zoë 日本 👩‍⚕️\u{1B}[201~ü\u{1B}[4~".utf8)
        let expected: [Key] = [.paste("Zoë 日本 👩‍⚕️"), .character("ü"), .end]
        for split in 0...sent.count {
            var decoder = KeySequenceDecoder()
            var keys = decoder.feed(utf8: sent[..<split])
            keys += decoder.feed(utf8: sent[split...])
            #expect(keys == expected, "split at byte \(split)")
        }
    }

    @Test func aCharacterCutShortIsHandedBackWhenTheReaderChangesHands() {
        var decoder = KeySequenceDecoder()
        let bytes = Array("\u{1B}[200~a\u{1B}[201~日".utf8)
        do { let got = decoder.feed(utf8: bytes.dropLast(1)); #expect(got == [.paste("a")]) }
        do { let got = decoder.takeIncompleteUTF8(); #expect(got == Array(bytes.suffix(3).prefix(2))) }
        do { let got = decoder.takeIncompleteUTF8(); #expect(got.isEmpty) }
        // Invalid bytes are not lost silently: they read as the replacement character.
        do { let got = decoder.feed(utf8: [0x41, 0xFF, 0x42]); #expect(got == [.character("A"), .character("\u{FFFD}"), .character("B")]) }
    }
}
