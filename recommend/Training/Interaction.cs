namespace StreamingMarketing.Recommend.Training;

/// <summary>One weighted interaction of a user with an item (post, hashtag or campaign), at event time.</summary>
public readonly record struct Interaction(string User, string Item, double Weight, DateTime At);
