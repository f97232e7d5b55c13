using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace StreamingMarketing.Client.Commands;

/// <summary>How the read commands print: tables for people, the gateway's JSON unchanged with <c>--json</c> for scripts.</summary>
internal static class Output
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Json(IAnsiConsole console, string raw)
    {
        using var document = JsonDocument.Parse(raw);
        // Written as plain text: Spectre markup would eat the brackets of the JSON.
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(document.RootElement, Indented));
    }

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
    public static string Percent(double ratio) => (ratio * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";
    public static string Money(double value) => value.ToString("N2", CultureInfo.InvariantCulture);
    public static string Score(double? value) => value is { } v ? v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "–";
    public static string Time(DateTime? value) => value is { } v ? v.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "–";

    /// <summary>Plain text cell: user content (comments, ids) must never be read as Spectre markup.</summary>
    public static IRenderable Cell(string? text) => new Text(text ?? "");

    public static Table KeyValues(string title, params (string Key, string Value)[] rows)
    {
        var table = new Table { Title = new TableTitle(title) }.AddColumns("", "").HideHeaders();
        foreach (var (key, value) in rows)
        {
            table.AddRow(Cell(key), Cell(value));
        }

        return table;
    }
}
