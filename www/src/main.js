// The page: choose a survey → check the questions → find segments → read
// them → download → make a short sign-up form → reuse a saved model. Each
// step is a file in steps/, over pure builders in build/ and one long-lived
// worker (worker-client.js).
import { loadSample, wireChoose } from "./steps/choose.js";
import { wireReview } from "./steps/review.js";
import { wireSegment } from "./steps/segment.js";
import { wireShortForm } from "./steps/shortform.js";
import { wireReuse } from "./steps/reuse.js";

wireChoose();
wireReview();
wireSegment();
wireShortForm();
wireReuse();

// Open with the sample survey loaded and segmented.
loadSample();
