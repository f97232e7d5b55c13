using StreamingMarketing.Grains.Insights.Trends;

namespace StreamingMarketing.Tests.Insights;

public sealed class KeywordExtractorTests
{
    [Fact]
    public void Keeps_content_words_once_and_drops_stop_words_links_handles_hashtags_and_numbers()
    {
        var words = KeywordExtractor.Extract("The REFUND was refused!! @acme_help see https://acme.example/x #fail 2025 Acme's refund desk").ToList();

        Assert.Equal(["refund", "refused", "acme", "desk"], words);
    }
}
