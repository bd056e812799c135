/** Registers every route of the Programme API (/api/v1/...); imported once by functions/src/index.ts. */
import './routes/me';
import './routes/my-time-zone';
import './routes/downloads';
import './routes/programmes';
import './routes/participants';
import './routes/reach';
import './routes/manage';
import './routes/pairs';
import './routes/review';
import './routes/channel-posts';
import './routes/steering';
import './routes/sessions';
import './routes/directory';
import './routes/interest';
import './routes/operations';
