using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace StreamingMarketing.Client.Commands;

/// <summary>Events per second for the progress bar (Spectre's own speed column counts bytes).</summary>
internal sealed class RateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text($"{(task.Speed ?? 0).ToString("N0", CultureInfo.InvariantCulture)} events/s", new Style(Color.Grey));
}
