namespace StreamingMarketing.Recommend.Evaluation;

/// <summary>One kind's held-out result: the model beside the popularity baseline, on the same users and items.</summary>
public sealed record KindEvaluation(string Kind, RankingMetrics Model, RankingMetrics Popularity, int Users, int Items, long Interactions, double TrainSeconds)
{
    /// <summary>The gate: the model finds more of the held-out items than popularity, by both measures.</summary>
    public bool BeatsPopularity => Model.RecallAtK > Popularity.RecallAtK && Model.NdcgAtK > Popularity.NdcgAtK;

    public double RecallLift => Popularity.RecallAtK == 0 ? double.PositiveInfinity : Model.RecallAtK / Popularity.RecallAtK;
}
