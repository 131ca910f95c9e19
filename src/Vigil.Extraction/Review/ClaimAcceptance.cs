using System.Text.Json;
using Vigil.Domain.Claims;

namespace Vigil.Extraction.Review;

/// <summary>A claim candidate (ClaimJson text) read back as a claim, to check it is well-formed before it is accepted; no field is editable.</summary>
public static class ClaimAcceptance
{
    public static Claim FromPayload(string payload, IEnumerable<KeyValuePair<string, string>> edits)
    {
        _ = new Edits(edits, []);
        using var doc = JsonDocument.Parse(payload);
        return ClaimJson.Parse(doc.RootElement, "claim");
    }
}
