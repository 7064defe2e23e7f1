import GuardFuzzing

/// libFuzzer's entry point for the Guard parser and evaluator; see `GuardFuzzing.exercise`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGuardRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    GuardFuzzing.exercise(UnsafeBufferPointer(start: data, count: size))
    return 0
}
