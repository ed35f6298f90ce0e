import Foundation
import FrontdeskFuzzing

// libFuzzer's entry point (build with scripts/fuzz; see ARCHITECTURE §6). Not a main file: libFuzzer
// brings main when built with --sanitize=fuzzer; a normal build links a program that does nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBufferRules(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzEntryPoints.bufferRules(Data(bytes: bytes, count: count))
    return 0
}
