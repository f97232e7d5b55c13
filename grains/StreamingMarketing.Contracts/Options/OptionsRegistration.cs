using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace StreamingMarketing.Contracts.Options;

public static class OptionsRegistration
{
    /// <summary>
    /// The one way settings reach the container: <typeparamref name="T"/> bound from its configuration section, checked
    /// by <typeparamref name="TValidator"/> when the host starts (a bad value stops it with a message naming the key),
    /// read by consumers as <see cref="IOptions{T}"/>.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T, TValidator>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, TValidator>());
        return services.AddOptions<T>().Bind(configuration.GetSection(sectionName)).ValidateOnStart();
    }
}
