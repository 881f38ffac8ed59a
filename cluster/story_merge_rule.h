// StoryMergeRule: when StoryIndex takes two stories for one, as pieces a
// caller can apply to stories it did not build itself (StoryLinker, the
// merge step across story partitions, docs/scale.md). One rule, two users:
// a change here changes both.
//
// Pure functions; thread-safe.
#ifndef STORYFUSE_CLUSTER_STORY_MERGE_RULE_H_
#define STORYFUSE_CLUSTER_STORY_MERGE_RULE_H_

#include <cstddef>
#include <cstdint>

#include "cluster/article_vector.h"
#include "cluster/centroid.h"

namespace storyfuse {

// True when two stories' dated spans [min, max] (days; kNoDay when
// undated) lie within `max_gap_days` of each other, or either is undated.
bool SpansTouch(int32_t a_min, int32_t a_max, int32_t b_min, int32_t b_max, int max_gap_days);

// Two stories of one kind of event (two injuries at one club) share most
// of their names; what differs is who leads: true when one story's
// `salient_names` strongest names are missing from the other's leading
// names, both ways round. Reads the centroids' top names as of their last
// Refresh.
bool LeadsDiffer(const Centroid& a, const Centroid& b, size_t salient_names);

// An article about another event of the story's kind (another fight,
// another arrest): it names someone at its centre (`v.salient`) the story
// never mentions, and the story's `conflict_names` strongest names include
// one the article never mentions. StoryIndex multiplies the article's
// score by conflict_factor then.
bool AboutAnother(const ArticleVector& v, const Centroid& story, size_t conflict_names);

}  // namespace storyfuse

#endif  // STORYFUSE_CLUSTER_STORY_MERGE_RULE_H_
