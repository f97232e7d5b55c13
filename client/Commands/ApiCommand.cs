using System.Net;
using Spectre.Console;
using Spectre.Console.Cli;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// A command against a running gateway. It gets the gateway's HTTP clients for its settings, and every failure maps
/// to one exit code here. Ctrl+C cancels the command (demo then prints its summary) instead of killing the process
/// mid-request.
/// </summary>
public abstract class ApiCommand<TSettings>(IAnsiConsole console) : AsyncCommand<TSettings>
    where TSettings : ApiSettings
{
    protected IAnsiConsole Console { get; } = console;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        System.Console.CancelKeyPress += onCancel;
        try
        {
            await using var gateway = GatewayConnection.Open(settings.BaseAddress, settings.ResolvedApiKey, settings.EventRetries);
            return await RunAsync(gateway, settings, stop.Token);
        }
        catch (UsageException exception)
        {
            Console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            return ExitCodes.Usage;
        }
        catch (ApiException exception)
        {
            Console.MarkupLineInterpolated($"[red]{(int)exception.Status}: {exception.Message}[/]");
            return exception.Status switch
            {
                HttpStatusCode.NotFound => ExitCodes.NotFound,
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Denied(),
                _ => ExitCodes.Failed,
            };
        }
        catch (GatewayUnreachableException exception)
        {
            Console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            return ExitCodes.Failed;
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancel;
        }
    }

    protected abstract Task<int> RunAsync(GatewayConnection gateway, TSettings settings, CancellationToken cancellationToken);

    private int Denied()
    {
        Console.MarkupLine($"[grey]Pass a key with the needed scope: --api-key KEY or {ApiSettings.ApiKeyVariable}=KEY.[/]");
        return ExitCodes.Denied;
    }
}
