// pouchdb-server (a devDependency: the local team server of `npm start` and the sync tests) depends on
// pouchdb-adapter-node-websql -> websql -> sqlite3, a native module that compiles from source when its
// prebuilt binary cannot be downloaded (2-4 minutes of a 2-core CI machine's budget). pouchdb-server
// requires that adapter only when started with --sqlite, which Stapwijzer never does (it uses the
// default LevelDB adapter), so package.json's "overrides" points websql here.
throw new Error('websql is not installed in Stapwijzer: start pouchdb-server without --sqlite');
