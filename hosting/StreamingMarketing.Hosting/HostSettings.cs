using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Options;

namespace StreamingMarketing.Hosting;

/// <summary>
/// Settings the host is built from (the profile, its clustering and streams) are needed before the container exists.
/// They are read here once and checked by the validator the container runs too; they are registered as options as
/// well, so that code running in the host reads them as <see cref="IOptions{T}"/>, like every other setting.
/// </summary>
public static class HostSettings
{
    public static T Read<T, TValidator>(IHostApplicationBuilder builder, string sectionName)
        where T : class, new()
        where TValidator : class, IValidateOptions<T>, new()
    {
        var settings = builder.Configuration.GetSection(sectionName).Get<T>() ?? new T();
        var result = new TValidator().Validate(Options.DefaultName, settings);
        if (result.Failed)
        {
            throw new InvalidOperationException(string.Join(" ", result.Failures ?? []));
        }

        builder.Services.AddValidatedOptions<T, TValidator>(builder.Configuration, sectionName);
        return settings;
    }
}
