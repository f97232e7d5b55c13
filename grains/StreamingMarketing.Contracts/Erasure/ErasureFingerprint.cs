using System.Security.Cryptography;
using System.Text;

namespace StreamingMarketing.Contracts.Erasure;

/// <summary>
/// SHA-256 in lower-case hex of a stored user id (its pseudonym where ids are pseudonymized): what the suppression list
/// keeps and logs show, so neither holds the id itself; and of a text, so that feedback quoting an erased text is found
/// without the text travelling or being kept.
/// </summary>
public static class ErasureFingerprint
{
    /// <summary>Enough of a fingerprint for a log line to tell two erasures apart, too little to test guesses against.</summary>
    public const int LogLength = 12;

    public static string Of(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public static string ForLog(string fingerprint) => fingerprint[..LogLength];
}
