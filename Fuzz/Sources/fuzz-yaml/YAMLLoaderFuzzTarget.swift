import LoaderFuzzing

/// libFuzzer's entry point for the YAML loader; see `LoaderFuzzing.exercise`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    LoaderFuzzing.exercise(.yaml, with: UnsafeBufferPointer(start: data, count: size))
    return 0
}
