using System.Globalization;
using StreamingMarketing.Contracts.Spend;
using StreamingMarketing.Contracts.Validation;

namespace StreamingMarketing.Contracts.Insights;

/// <summary>Checks a metadata request and names every broken rule, so one 400 tells the caller all there is to fix.</summary>
public static class CampaignMetadataValidation
{
    public const int MaxIdLength = 128;
    public const int MaxNameLength = 200;
    public const int MaxBrandLength = 100;
    public const int MaxCompetitors = 20;

    /// <summary>As many as a campaign keeps counters for: a name past that limit is counted under <c>other</c> anyway.</summary>
    public const int MaxPausedVariants = 20;

    public static CampaignMetadata? Validate(string campaignId, CampaignMetadataRequest? request, DateTime now, List<string> problems)
    {
        // The same id rule as events: metadata for an id no event can carry would describe nothing.
        if (TextRules.IdProblem("campaign id", campaignId, MaxIdLength) is { } idProblem)
        {
            problems.Add(idProblem + ".");
        }

        if (request is null)
        {
            problems.Add("The body must be a JSON object with at least a name.");
            return null;
        }

        var name = CheckText("name", request.Name, MaxNameLength, required: true, problems);
        var brand = CheckText("brand", request.Brand, MaxBrandLength, required: false, problems);
        var competitors = CheckCompetitors(request.Competitors, brand, problems);
        var start = CheckDate("start", request.Start, problems);
        var end = CheckDate("end", request.End, problems);
        if (start is not null && end is not null && end < start)
        {
            problems.Add("end must not be before start.");
        }

        if (request.Budget is { } budget && (!double.IsFinite(budget) || budget < 0))
        {
            problems.Add("budget must be a finite number ≥ 0.");
        }

        if (request.AlertRules is { } rules)
        {
            CheckRules(rules, problems);
        }

        var currency = CheckCurrency(request.Currency, problems);
        var costModel = CheckCostModel(request.CostModel, problems);
        var paused = CheckPausedVariants(request.PausedVariants, problems);

        return problems.Count > 0 ? null : new CampaignMetadata
        {
            Name = name!,
            Brand = brand,
            Competitors = competitors,
            Start = start,
            End = end,
            Budget = request.Budget,
            AlertRules = request.AlertRules,
            Currency = currency,
            CostModel = costModel,
            PausedVariants = paused,
            UpdatedAt = now,
        };
    }

    private static string? CheckText(string field, string? value, int maxLength, bool required, List<string> problems)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required || value is not null)
            {
                problems.Add($"{field} is required and must not be blank.");
            }

            return null;
        }

        if (trimmed.Length > maxLength || HasControl(trimmed))
        {
            problems.Add($"{field} must be at most {maxLength} characters without control characters.");
        }

        return trimmed;
    }

    private static List<string> CheckCompetitors(List<string?>? names, string? brand, List<string> problems)
    {
        var competitors = new List<string>();
        if (names is null)
        {
            return competitors;
        }

        if (names.Count > MaxCompetitors)
        {
            problems.Add($"competitors holds {names.Count} names; at most {MaxCompetitors} are allowed.");
        }

        if (names.Count > 0 && brand is null)
        {
            problems.Add("competitors need a brand to compete with: set brand too.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            var name = CheckText($"competitors[{i}]", names[i] ?? string.Empty, MaxBrandLength, required: true, problems);
            if (name is null)
            {
                continue;
            }

            if (string.Equals(name, brand, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"competitors[{i}] is the brand itself.");
            }
            else if (!seen.Add(name))
            {
                problems.Add($"competitors[{i}] '{name}' is listed twice.");
            }
            else
            {
                competitors.Add(name);
            }
        }

        return competitors;
    }

    private static string? CheckCurrency(string? currency, List<string> problems)
    {
        if (currency is null)
        {
            return null;
        }

        if (currency.Length != 3 || !currency.All(char.IsAsciiLetter))
        {
            problems.Add($"currency '{currency}' is not an ISO 4217 code (three letters, e.g. EUR or USD).");
            return null;
        }

        return currency.ToUpperInvariant();
    }

    private static CostModel? CheckCostModel(CostModelRequest? cost, List<string> problems)
    {
        if (cost is null)
        {
            return null;
        }

        var kind = CostModel.Kinds.FirstOrDefault(k => string.Equals(k, cost.Kind, StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            problems.Add($"costModel.kind '{cost.Kind}' is not one of {string.Join(", ", CostModel.Kinds)} (price per 1,000 impressions, or per click).");
        }

        if (cost.Price is not { } price || price < 0 || price > CostModel.MaxPrice)
        {
            problems.Add($"costModel.price is required: a number from 0 to {CostModel.MaxPrice:0}.");
            return null;
        }

        return kind is null ? null : new CostModel { Kind = kind, Price = price };
    }

    private static List<string> CheckPausedVariants(List<string?>? names, List<string> problems)
    {
        var paused = new List<string>();
        if (names is null)
        {
            return paused;
        }

        if (names.Count > MaxPausedVariants)
        {
            problems.Add($"pausedVariants holds {names.Count} names; at most {MaxPausedVariants} are allowed.");
        }

        for (var i = 0; i < names.Count; i++)
        {
            // The rule events' variant names follow, so a pause can only name a variant that can exist.
            if (TextRules.IdProblem($"pausedVariants[{i}]", names[i] ?? string.Empty, EventValidator.MaxVariantLength) is { } problem)
            {
                problems.Add(problem + ".");
            }
            else if (!paused.Contains(names[i]!, StringComparer.Ordinal))
            {
                paused.Add(names[i]!);
            }
        }

        return paused;
    }

    private static DateTime? CheckDate(string field, string? value, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (!Rfc3339.TryParseDateOrDateTime(value, out var parsed))
        {
            problems.Add($"{field} '{value}' is not an RFC 3339 date or date-time (e.g. 2025-05-01 or 2025-05-01T09:00:00Z).");
            return null;
        }

        return parsed;
    }

    private static void CheckRules(AlertRuleSet rules, List<string> problems)
    {
        if (rules.NegativeSentiment is { } negative)
        {
            Fraction("alertRules.negativeSentiment.threshold", negative.Threshold, problems);
            Fraction("alertRules.negativeSentiment.resolveBelow", negative.ResolveBelow, problems);
            if (negative.Threshold <= negative.ResolveBelow)
            {
                problems.Add("alertRules.negativeSentiment.resolveBelow must be lower than threshold (the gap keeps the alert from flapping).");
            }

            Range("alertRules.negativeSentiment.minScored", negative.MinScored, 1, 100_000, problems);
            Range("alertRules.negativeSentiment.windowMinutes", negative.WindowMinutes, 1, 60, problems);
        }

        if (rules.VolumeSpike is { } spike)
        {
            Range("alertRules.volumeSpike.zScore", spike.ZScore, 0.5, 100, problems);
            Range("alertRules.volumeSpike.resolveBelowZ", spike.ResolveBelowZ, 0, 100, problems);
            if (spike.ZScore <= spike.ResolveBelowZ)
            {
                problems.Add("alertRules.volumeSpike.resolveBelowZ must be lower than zScore (the gap keeps the alert from flapping).");
            }

            Range("alertRules.volumeSpike.minEvents", spike.MinEvents, 1, 10_000_000, problems);
            Range("alertRules.volumeSpike.windowMinutes", spike.WindowMinutes, 1, 30, problems);
        }

        if (rules.ConversionDrop is { } drop)
        {
            Fraction("alertRules.conversionDrop.drop", drop.Drop, problems);
            Range("alertRules.conversionDrop.resolveWithin", drop.ResolveWithin, 0, 1, problems);
            if (drop.Drop <= drop.ResolveWithin)
            {
                problems.Add("alertRules.conversionDrop.resolveWithin must be smaller than drop (the gap keeps the alert from flapping).");
            }

            Range("alertRules.conversionDrop.minBaselinePerHour", drop.MinBaselinePerHour, 0.01, 1e9, problems);
        }

        if (rules.ForecastAnomaly is { } anomaly)
        {
            ForecastAnomalyRules.Check(anomaly, field => $"alertRules.forecastAnomaly.{field}", problems);
        }
    }

    private static void Fraction(string field, double? value, List<string> problems)
    {
        if (value is { } v && (!double.IsFinite(v) || v <= 0 || v > 1))
        {
            problems.Add($"{field} must be a fraction in (0, 1].");
        }
    }

    private static void Range(string field, double? value, double min, double max, List<string> problems)
    {
        if (value is { } v && (!double.IsFinite(v) || v < min || v > max))
        {
            problems.Add($"{field} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static bool HasControl(string value) => value.Any(char.IsControl);
}
