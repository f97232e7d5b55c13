using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Insights.Erasure;

/// <summary>Alert drivers name users (the authors whose events rose most): an erasure takes the user out of them.</summary>
public static class AlertDriverEraser
{
    /// <summary>The alert without the user among its driving authors, or null when it never named the user.</summary>
    public static AlertView? Without(AlertView alert, string userId)
    {
        if (alert.Drivers is not { } drivers || !drivers.Authors.Any(a => a.Item == userId))
        {
            return null;
        }

        return alert with { Drivers = drivers with { Authors = [.. drivers.Authors.Where(a => a.Item != userId)] } };
    }

    /// <summary>Replaces every alert of <paramref name="alerts"/> that named the user; answers how many.</summary>
    public static int ReplaceAll(List<AlertView> alerts, string userId)
    {
        var replaced = 0;
        for (var i = 0; i < alerts.Count; i++)
        {
            if (Without(alerts[i], userId) is { } cleaned)
            {
                alerts[i] = cleaned;
                replaced++;
            }
        }

        return replaced;
    }
}
