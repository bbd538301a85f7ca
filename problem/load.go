package problem

// loadAll loads and checks the whole package.
func (l *loader) loadAll() error {
	if err := l.checkTree(); err != nil {
		return err
	}
	md, err := l.readMetadata()
	if err != nil {
		return err
	}
	if err := l.loadStatements(); err != nil {
		return err
	}
	l.setName(md)
	if err := l.loadPrograms(); err != nil {
		return err
	}
	if err := l.loadData(md); err != nil {
		return err
	}
	return l.loadSubmissions()
}
