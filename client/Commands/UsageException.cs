namespace StreamingMarketing.Client.Commands;

/// <summary>Bad usage found only while running (a CSV header naming no event field): the message is printed and the exit code is 2.</summary>
public sealed class UsageException(string message) : Exception(message);
