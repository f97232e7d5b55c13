using System.Text.Json;

namespace StreamingMarketing.Tests.Observability;

/// <summary>The committed Grafana dashboard, read as JSON: every panel query and every template variable query.</summary>
public sealed class GrafanaDashboard
{
    public sealed record Query(string Panel, string Expression);

    private GrafanaDashboard(List<Query> panelQueries, List<Query> templateQueries)
    {
        PanelQueries = panelQueries;
        TemplateQueries = templateQueries;
    }

    public IReadOnlyList<Query> PanelQueries { get; }
    public IReadOnlyList<Query> TemplateQueries { get; }

    public static GrafanaDashboard Load(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var panelQueries = new List<Query>();
        CollectPanels(json.RootElement.GetProperty("panels"), panelQueries);

        var templateQueries = new List<Query>();
        foreach (var variable in json.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray())
        {
            if (variable.GetProperty("type").GetString() == "query")
            {
                // Grafana stores a variable's query as a string or, in newer versions, as {"query": "..."}.
                var query = variable.GetProperty("query");
                var text = query.ValueKind == JsonValueKind.String ? query.GetString() : query.GetProperty("query").GetString();
                templateQueries.Add(new Query("$" + variable.GetProperty("name").GetString(), text!));
            }
        }

        return new GrafanaDashboard(panelQueries, templateQueries);
    }

    private static void CollectPanels(JsonElement panels, List<Query> queries)
    {
        foreach (var panel in panels.EnumerateArray())
        {
            // Collapsed rows keep their panels inside the row.
            if (panel.TryGetProperty("panels", out var nested))
            {
                CollectPanels(nested, queries);
            }

            if (panel.TryGetProperty("targets", out var targets))
            {
                var title = panel.GetProperty("title").GetString()!;
                queries.AddRange(targets.EnumerateArray().Select(target => new Query(title, target.GetProperty("expr").GetString()!)));
            }
        }
    }
}
