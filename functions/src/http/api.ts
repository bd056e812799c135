/** Registers every route of the Programme API (/api/v1/...); imported once by functions/src/index.ts. */
import './routes/me';
import './routes/programmes';
import './routes/participants';
import './routes/pairs';
import './routes/steering';
import './routes/directory';
import './routes/interest';
import './routes/operations';
