using Microsoft.Extensions.Options;

namespace StreamingMarketing.Contracts.Options;

/// <summary>Collects what is wrong with one configuration section, each failure naming its full key.</summary>
public sealed class OptionsFailures(string sectionName)
{
    private readonly List<string> failures = [];

    public OptionsFailures AtLeast(string name, long value, long minimum)
    {
        if (value < minimum)
        {
            failures.Add($"{sectionName}:{name} must be at least {minimum}, not {value}.");
        }

        return this;
    }

    public OptionsFailures AtLeast(string name, double value, double minimum)
    {
        if (!(value >= minimum))
        {
            failures.Add($"{sectionName}:{name} must be at least {minimum}, not {value}.");
        }

        return this;
    }

    public OptionsFailures Between(string name, double value, double minimum, double maximum)
    {
        if (!(value >= minimum && value <= maximum))
        {
            failures.Add($"{sectionName}:{name} must be between {minimum} and {maximum}, not {value}.");
        }

        return this;
    }

    public OptionsFailures NotNegative(string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add($"{sectionName}:{name} must not be negative, not {value}.");
        }

        return this;
    }

    public OptionsFailures Positive(string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{sectionName}:{name} must be a positive time span (for example 00:00:01), not {value}.");
        }

        return this;
    }

    public OptionsFailures Require(bool holds, string failure)
    {
        if (!holds)
        {
            failures.Add(failure);
        }

        return this;
    }

    public ValidateOptionsResult Result => failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
