namespace StreamingMarketing.Sentiment.Tests;

/// <summary>Varied lengths and content so batches really pad.</summary>
public static class SampleTexts
{
    public static readonly string[] Tweets =
    [
        "I love this phone, best purchase of the year!",
        "Worst customer service ever. Never again.",
        "The event starts at 7pm on Friday.",
        "ok",
        "@user thanks for the quick reply 🙏 #support",
        "Café naïve résumé — tout est parfait",
        "Can't believe they cancelled the show... so disappointed 😢",
        "New blog post: https://t.co/abc123 check it out #marketing #growth",
        "meh",
        "This is fine. Not great, not terrible. Just fine, I guess, considering the price and the long wait for delivery that nobody warned me about.",
        "Absolutely thrilled with the results of our #BlackFriday campaign!!!",
        "Shipping took three weeks and the box arrived crushed.",
        "Our store opens at 9 tomorrow.",
        "😂😂😂",
        "",
        "Not bad at all, actually pretty good",
        "I hate Mondays",
        "What time does the webinar start?",
        "Thank you so much @user, you made my day!",
        "Terrible app, crashes every time I open it. Uninstalling.",
    ];
}
