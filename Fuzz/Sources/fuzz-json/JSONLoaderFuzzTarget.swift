import LoaderFuzzing

/// libFuzzer's entry point for the JSON loader; see `LoaderFuzzing.exercise`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    LoaderFuzzing.exercise(.json, with: UnsafeBufferPointer(start: data, count: size))
    return 0
}
