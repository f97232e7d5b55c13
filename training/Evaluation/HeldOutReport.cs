using Spectre.Console;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>A brand-safety head's calibration and its held-out numbers at the documented threshold, as one table.</summary>
public static class HeldOutReport
{
    public static Table Render(string task, HeadCalibration calibration, HeldOutEvaluation heldOut, IReadOnlyList<FlagRate>? soberByKind = null)
    {
        var test = heldOut.Test;
        var table = new Table().Title($"{task}: held out, at threshold {calibration.Threshold:F2} on the calibrated probability")
            .AddColumn("measured on").AddColumn(new TableColumn("examples").RightAligned()).AddColumn(new TableColumn("precision").RightAligned())
            .AddColumn(new TableColumn("recall").RightAligned()).AddColumn(new TableColumn("F1").RightAligned())
            .AddColumn(new TableColumn("macro-F1").RightAligned()).AddColumn(new TableColumn("flagged").RightAligned());
        table.AddRow(Markup.Escape(test.Dataset), $"{test.Examples}", $"{test.Precision:F4}", $"{test.Recall:F4}", $"{test.F1:F4}", $"{test.MacroF1:F4}",
            $"{test.ConfusionMatrix[0][1] + test.ConfusionMatrix[1][1]}");
        table.AddRow(Markup.Escape(heldOut.SoberText.Dataset), $"{heldOut.SoberText.Examples}", "", "", "", "",
            $"{heldOut.SoberText.Flagged} ({heldOut.SoberText.Rate:P1})");
        foreach (var kind in soberByKind ?? [])
        {
            table.AddRow(Markup.Escape($"  of which {kind.Dataset}"), $"{kind.Examples}", "", "", "", "", $"{kind.Flagged} ({kind.Rate:P1})");
        }

        return table.Caption($"Platt scaling σ({calibration.Slope:F3}·z + {calibration.Intercept:F3}) at base rate {calibration.BaseRate:P1}; {Markup.Escape(calibration.FittedOn)}");
    }
}
