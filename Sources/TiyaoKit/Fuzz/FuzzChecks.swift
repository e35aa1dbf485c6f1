import Foundation

/// The checks the fuzzer and the property tests run on every document beyond the
/// structure's own invariants.
public enum FuzzChecks {
    public static func all(toolkit: Toolkit) -> [FuzzCampaign.Check] {
        [
            { document in
                // Outline JSON must always encode.
                _ = try JSONEncoder().encode(Outline(document))
                return []
            },
        ]
    }
}
